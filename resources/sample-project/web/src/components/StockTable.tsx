import type { StockLevel } from '../api';
import { stockStatus } from '../format';

type StockTableProps = { levels: StockLevel[]; onShip?: (sku: string) => void };

/** A table of stock levels with a Ship button per row. */
export function StockTable({ levels, onShip }: StockTableProps) {
  if (levels.length === 0) return <p className="empty">No stock yet.</p>;
  return (
    <table>
      <tbody>
        {levels.map((level) => (
          <tr key={level.sku} className={stockStatus(level.quantity)}>
            <td>{level.name}</td>
            <td>{level.quantity}</td>
            <td>{onShip && <button onClick={() => onShip(level.sku)}>Ship</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
