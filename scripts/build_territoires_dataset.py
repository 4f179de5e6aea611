"""Rebuild the compact national dataset from Etalab's npm package.

    python scripts/build_territoires_dataset.py etalab-decoupage-administratif-X.Y.Z.tgz

The package comes from `npm pack @etalab/decoupage-administratif@X.Y.Z`. Writes
src/balises/territoires/data/territoires-X.Y.Z.json.gz (deterministic: the same package gives
the same bytes) and the package's LICENSE beside it. The application loads the newest
territoires-*.json.gz of that folder: delete the old one and update data/SOURCE.md.
"""

import argparse
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from balises.territoires.dataset import DatasetError, read_dataset, write_compact  # noqa: E402

DATA = ROOT / "src" / "balises" / "territoires" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="le paquet npm (.tgz)")
    parser.add_argument("--out", type=Path, default=DATA, help="dossier de sortie")
    args = parser.parse_args()
    try:
        dataset = read_dataset(args.package)
    except DatasetError as error:
        print(error, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"territoires-{dataset.version}.json.gz"
    write_compact(dataset, target)
    with tarfile.open(args.package, "r:gz") as archive:
        licence = archive.extractfile("package/LICENSE")
        if licence is not None:
            (args.out / "LICENSE-etalab.txt").write_bytes(licence.read())
    counts = ", ".join(f"{count} {table}" for table, count in dataset.counts().items())
    print(f"{target.name} : {counts} ({target.stat().st_size / 1e6:.2f} Mo)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
