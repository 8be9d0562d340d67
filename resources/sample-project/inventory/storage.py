"""Saving and loading warehouses as JSON."""

import asyncio
import json
from pathlib import Path

from inventory.models import Warehouse


class JsonStore:
    """Keeps each warehouse in its own JSON file under a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, name: str) -> Path:
        """The file that holds warehouse `name`."""
        return self.folder / f"{name}.json"

    def save(self, warehouse: Warehouse) -> Path:
        """Writes a warehouse; returns the file written."""
        target = self.path_for(warehouse.name)
        target.write_text(json.dumps({"name": warehouse.name, "stock": warehouse.stock}, indent=2))
        return target

    async def load(self, name: str) -> Warehouse:
        """Reads a warehouse without blocking the event loop."""
        text = await asyncio.to_thread(self.path_for(name).read_text)
        data = json.loads(text)
        return Warehouse(name=data["name"], stock=dict(data["stock"]))
