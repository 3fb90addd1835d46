#!/usr/bin/env bash
# The lint Camunda Modeler applies, over the given diagrams (default: every .bpmn/.dmn the project ships):
# a strict parse with the Camunda 7 extensions, bpmnlint with the Camunda Platform 7.24 compatibility rules
# (history time-to-live an error), and dmnlint. Installs its pinned npm packages on first use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ $# -eq 0 ]; then
  mapfile -t files < <(cd "$root" && git ls-files '*.bpmn' '*.dmn' | grep -v '/src/test/' | sed "s#^#$root/#")
else
  files=()
  for f in "$@"; do files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
fi
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
bpmn=(); dmn=()
for f in "${files[@]}"; do
  case "$f" in *.dmn) dmn+=("$f") ;; *) bpmn+=("$f") ;; esac
done
cd "$here"
status=0
node parse-check.mjs "${files[@]}" || status=1
if [ ${#bpmn[@]} -gt 0 ]; then npx --no-install bpmnlint "${bpmn[@]}" || status=1; fi
if [ ${#dmn[@]} -gt 0 ]; then npx --no-install dmnlint "${dmn[@]}" || status=1; fi
echo "modellint: ${#bpmn[@]} BPMN, ${#dmn[@]} DMN file(s): $([ $status -eq 0 ] && echo ok || echo PROBLEMS)"
exit $status
