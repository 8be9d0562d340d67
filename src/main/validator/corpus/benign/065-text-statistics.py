# expect: allowed
import re
import string
from collections import Counter

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom."""

def words(text):
    cleaned = text.translate(str.maketrans("", "", string.punctuation))
    return [word.lower() for word in cleaned.split()]

def sentences(text):
    return [part for part in re.split(r"[.!?]+", text) if part.strip()]

counts = Counter(words(TEXT))
print(len(words(TEXT)), len(sentences(TEXT)), counts.most_common(3))
