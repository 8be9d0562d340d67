# expect: allowed
import heapq
from collections import defaultdict

def shortest_paths(edges, source):
    graph = defaultdict(list)
    for start, end, weight in edges:
        graph[start].append((end, weight))
    distances = {source: 0}
    queue = [(0, source)]
    while queue:
        distance, node = heapq.heappop(queue)
        if distance > distances.get(node, float("inf")):
            continue
        for neighbour, weight in graph[node]:
            candidate = distance + weight
            if candidate < distances.get(neighbour, float("inf")):
                distances[neighbour] = candidate
                heapq.heappush(queue, (candidate, neighbour))
    return distances

print(shortest_paths([("a", "b", 1), ("b", "c", 2), ("a", "c", 5)], "a"))
