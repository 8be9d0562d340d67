# expect: allowed testing
def save(results):
    with open("results/summary.txt", "w") as handle:
        handle.write(str(results))

save([1, 2, 3])
