"""Parses contract documents with the generated Pydantic models, all in one process.

Usage: python3 parse_with_pydantic.py <folder holding polytraders_contracts>
stdin:  [{"id": "...", "model": "StrategyLaunch", "document": "<JSON text>"}, ...]
stdout: {"<id>": [{"path": "#/json/pointer", "type": "<pydantic error type>", "message": "..."}], ...}
        (an empty list: the document parsed)
Exit 3 with a message on stderr when pydantic 2 is missing.
"""

import json
import sys


def main() -> int:
    try:
        import pydantic
    except ImportError:
        print("pydantic is not installed: pip install 'pydantic>=2'", file=sys.stderr)
        return 3
    if not pydantic.VERSION.startswith("2."):
        print(f"pydantic {pydantic.VERSION} is installed; the models need pydantic 2: pip install 'pydantic>=2,<3'", file=sys.stderr)
        return 3

    sys.path.insert(0, sys.argv[1])
    import polytraders_contracts as contracts

    results = {}
    for case in json.load(sys.stdin):
        try:
            getattr(contracts, case["model"]).model_validate_json(case["document"])
            results[case["id"]] = []
        except pydantic.ValidationError as error:
            results[case["id"]] = [
                {"path": "#" + "".join(f"/{part}" for part in e["loc"]), "type": e["type"], "message": e["msg"]}
                for e in error.errors()
            ]
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
