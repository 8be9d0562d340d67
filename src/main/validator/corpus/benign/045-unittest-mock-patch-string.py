# expect: allowed testing
import unittest
from unittest import mock

def read_name():
    with open("name.txt") as handle:
        return handle.read()

class ReadNameTest(unittest.TestCase):
    def test_reads(self):
        with mock.patch("builtins.open", mock.mock_open(read_data="Ada")):
            self.assertEqual(read_name(), "Ada")

if __name__ == "__main__":
    unittest.main()
