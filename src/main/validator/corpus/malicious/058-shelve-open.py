# expect: blocked testing deserialization
import shelve
db = shelve.open("cache")
