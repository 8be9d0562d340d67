# expect: allowed
class Calculator:
    def exec_query(self, query):
        return query.upper()

calc = Calculator()
print(calc.exec_query("select 1"))
