# expect: blocked trusted process
import operator
import os
operator.attrgetter("system")(os)("id")
