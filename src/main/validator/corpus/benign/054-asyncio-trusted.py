# expect: allowed trusted
import asyncio

async def fetch_value(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    results = await asyncio.gather(*(fetch_value(d / 100) for d in range(3)))
    print(results)

asyncio.run(main())
