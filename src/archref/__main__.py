"""``python -m archref``."""

import sys

from archref.cli import main

sys.exit(main())
