# expect: blocked testing deserialization
import yaml
config = yaml.load(open("config.yml"))
