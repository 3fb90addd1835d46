#!/usr/bin/env bash
# Shows that the lint can fail: each deliberately broken copy of a shipped diagram must be refused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
diagrams="$here/../../workflow-bpmn/src/main/resources/org/hotline12345/workflow/diagrams"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sed 's/ camunda:historyTimeToLive="1825"//' "$diagrams/hotline-case.bpmn" > "$work/no-ttl.bpmn"
sed 's/camunda:candidateGroups="hotline-office"/camunda:candidateGroup="hotline-office"/' "$diagrams/hotline-case.bpmn" > "$work/misspelt.bpmn"
sed 's#<bpmn:userTask id="UserTask_Review"#<bpmn:userTask xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" zeebe:formKey="x" id="UserTask_Review"#' \
  "$diagrams/hotline-case.bpmn" > "$work/foreign.bpmn"
python3 - "$diagrams/unit-handling.bpmn" "$work/no-shape.bpmn" <<'PY'
import re, sys
source = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(
    re.sub(r'(?s)<bpmndi:BPMNShape id="UserTask_SignFor_di".*?</bpmndi:BPMNShape>', '', source))
PY
sed 's/ camunda:historyTimeToLive="1825"//' "$diagrams/deadline-policy.dmn" > "$work/no-ttl.dmn"

refused=0
for broken in "$work"/*; do
  if "$here/modellint.sh" "$broken" > "$work/out.txt" 2>&1; then
    echo "modellint self-test: $(basename "$broken") was NOT refused" >&2
    cat "$work/out.txt" >&2
    exit 1
  fi
  refused=$((refused + 1))
done
echo "modellint self-test: all $refused broken copies refused"
