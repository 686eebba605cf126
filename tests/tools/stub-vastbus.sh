#!/bin/sh
# stub-vastbus.sh - a broken vastbus for `make check-tests`: it answers
# --help and --version like the program, and fails every real command
# with exit 3 (system error). An end-to-end script that still passes with
# this as $VASTBUS does not test the program.
case "${1:-}" in
    --help|-h|--hjalp|"")
        echo "Användning: vastbus KOMMANDO [FLAGGOR] FIL …"
        echo "Kommandon: validera html pdf mall formular arsbok status manifest statistik sats"
        exit 0 ;;
    --version)
        echo "vastbus 0.1"
        exit 0 ;;
esac
echo "vastbus: systemfel: detta är en trasig attrapp (make check-tests)" >&2
exit 3
