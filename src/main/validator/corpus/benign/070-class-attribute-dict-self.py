# expect: allowed
class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def as_dict(self):
        return dict(vars(self))

print(Record(a=1).as_dict())
