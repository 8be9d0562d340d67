# expect: blocked trusted process
import asyncio
async def main():
    await asyncio.create_subprocess_shell("id")
