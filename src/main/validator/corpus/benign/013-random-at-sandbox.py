# expect: allowed
import random

def shuffle_deck():
    deck = [f"{rank}{suit}" for rank in "A23456789TJQK" for suit in "SHDC"]
    random.shuffle(deck)
    return deck[:5]

print(shuffle_deck())
