from decimal import Decimal


def export_number(value: Decimal | None) -> int | Decimal | None:
    """A stored decimal as the workbook shows it: 67.5000 → 67.5, 100.0000 → 100."""
    if value is None:
        return None
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return int(normal)
    return Decimal(f"{normal:f}")
