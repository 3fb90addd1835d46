// Parses each diagram the way Camunda Modeler does (with the Camunda 7 and Modeler extensions) and
// reports, one line each, what the Modeler would warn about or silently drop: parser warnings (a
// misspelt camunda:candidateGroup), and elements or attributes of namespaces it does not know
// (zeebe:*, a typo in a namespace URI); and, since dmnlint has no such rule, a DMN decision without a
// history time-to-live, which the 7.24 engine refuses to deploy. Exit code 1 when anything is found.
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import camundaBpmn from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import camundaDmn from 'camunda-dmn-moddle/resources/camunda.json' with { type: 'json' };
import modeler from 'modeler-moddle/resources/modeler.json' with { type: 'json' };
import dmnModeler from 'modeler-moddle/resources/dmn-modeler.json' with { type: 'json' };

// Attributes moddle cannot map to a known package stay in $attrs; these prefixes are XML's own.
const XML_PREFIXES = new Set(['xmlns', 'xsi', 'xml']);

function foreign(moddle, element, file, problems, seen = new Set()) {
  if (!element || typeof element !== 'object' || seen.has(element)) return;
  seen.add(element);
  const type = element.$type;
  if (type && !moddle.registry.getPackage(type.split(':')[0])) {
    problems.push(`${file}:${element.id || type}: unknown element ${type}`);
  }
  for (const [name, value] of Object.entries(element.$attrs || {})) {
    const prefix = name.includes(':') ? name.split(':')[0] : null;
    if (name === 'xmlns' || (prefix && XML_PREFIXES.has(prefix))) continue;
    // Known packages' misspelt attributes are already among the parser's warnings.
    if (prefix && !moddle.registry.getPackage(prefix)) {
      problems.push(`${file}:${element.id || type}: unknown attribute ${name}="${value}"`);
    }
  }
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('$') && key !== '$children') continue;
    if (Array.isArray(value)) value.forEach(child => foreign(moddle, child, file, problems, seen));
    else if (value && typeof value === 'object' && value.$type) foreign(moddle, value, file, problems, seen);
  }
}

const problems = [];
for (const file of process.argv.slice(2)) {
  const xml = await readFile(file, 'utf8');
  const dmn = file.endsWith('.dmn');
  const moddle = dmn ? DmnModdle({ camunda: camundaDmn, modeler: dmnModeler }) : BpmnModdle({ camunda: camundaBpmn, modeler });
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml, dmn ? 'dmn:Definitions' : 'bpmn:Definitions');
    for (const warning of warnings) {
      problems.push(`${file}:${warning.element?.id || ''}: ${warning.message.split('\n')[0]}`);
    }
    foreign(moddle, rootElement, file, problems);
    if (dmn) {
      for (const decision of (rootElement.drgElement || []).filter(e => e.$type === 'dmn:Decision')) {
        if (decision.historyTimeToLive === undefined || decision.historyTimeToLive === '') {
          problems.push(`${file}:${decision.id}: camunda:historyTimeToLive is missing`);
        }
      }
    }
  } catch (error) {
    problems.push(`${file}: cannot be parsed: ${error.message.split('\n')[0]}`);
  }
}
problems.forEach(problem => console.log(problem));
console.log(`parse-check: ${process.argv.length - 2} file(s), ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
