# expect: blocked trusted process
import codecs
import os
getattr(os, codecs.decode("flfgrz", "rot13"))("id")
