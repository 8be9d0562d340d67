# expect: blocked process
__import__("o" + "s").system("id")
