// Checks statements with Learning Locker's validator
// (@learninglocker/xapi-validation), as its LRS does.
// Usage: node validate.js NODE_DIR FILE...   each FILE a JSON array of
// statements (a request body the player sent, or an --export).
// Prints how many were checked; exits 1 listing the first problems.
'use strict';
const fs = require('fs');
const path = require('path');
const nodeDir = process.argv[2];
const validate = require(path.join(nodeDir, 'node_modules', '@learninglocker',
                                   'xapi-validation')).default;
let checked = 0;
const problems = [];
for (const file of process.argv.slice(3)) {
  const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const st of Array.isArray(statements) ? statements : [statements]) {
    checked++;
    for (const w of validate(st)) {
      problems.push(`${path.basename(file)}: ${st.id}: ${w.path.join('.')}: ` +
                    `${JSON.stringify(w.data)}`);
    }
  }
}
console.log(`${checked} statements checked, ${problems.length} problems`);
if (problems.length) {
  console.log(problems.slice(0, 10).join('\n'));
  process.exit(1);
}
