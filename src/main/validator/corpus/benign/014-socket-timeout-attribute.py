# expect: allowed
class Settings:
    socket_timeout = 5
    system_prompt = "be nice"

    def describe(self):
        return f"timeout={self.socket_timeout}"

print(Settings().describe())
