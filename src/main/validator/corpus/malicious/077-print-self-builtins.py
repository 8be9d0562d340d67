# expect: blocked introspection
importer = print.__self__.__import__
importer("os")
