# expect: blocked trusted network
from urllib.request import urlopen
urlopen("http://example.com/x").read()
