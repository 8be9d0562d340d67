# expect: blocked testing deserialization
import pickle
obj = pickle.loads(data)
