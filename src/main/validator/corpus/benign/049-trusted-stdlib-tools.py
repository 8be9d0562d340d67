# expect: allowed trusted
import argparse
import csv
import logging
import sqlite3

logging.basicConfig(level=logging.INFO)
parser = argparse.ArgumentParser(description="Summarise a CSV file; never uses subprocess.")
parser.add_argument("--limit", type=int, default=10)
connection = sqlite3.connect(":memory:")
connection.execute("create table t (x int)")
rows = list(csv.reader(["a,b", "1,2"]))
logging.info("rows=%d", len(rows))
