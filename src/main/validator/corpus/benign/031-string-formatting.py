# expect: allowed
class User:
    def __init__(self, name, age):
        self.name = name
        self.age = age

user = User("Ada", 36)
print("{0.name} is {0.age}".format(user))
print("%s is %d" % (user.name, user.age))
print(f"{user.name!r:>10} {user.age:03d}")
