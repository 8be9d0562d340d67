# expect: allowed
from collections import deque

def bfs(graph, start, goal):
    queue = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        node = path[-1]
        if node == goal:
            return path
        for neighbour in graph.get(node, []):
            if neighbour not in seen:
                seen.add(neighbour)
                queue.append(path + [neighbour])
    return None

print(bfs({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}, "a", "d"))
