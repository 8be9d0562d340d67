# expect: blocked code-execution
payload = "import os; os.system('id')"
exec(payload)
