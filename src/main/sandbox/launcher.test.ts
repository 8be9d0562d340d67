// The launcher's report line and the console's end-mark helper, parsed strictly.
import { describe, expect, it } from 'vitest';
import { heldBack } from './console';
import { launcherScript, parseLauncherReport } from './launcher';

describe('launcher report', () => {
  it('parses a finished run', () => {
    expect(parseLauncherReport('ARK1 started=1 exit=3 signal=0 utime_us=1500 stime_us=500 maxrss_kb=7000 leftovers=2 memory=0\n')).toEqual({
      started: true,
      exitCode: 3,
      signal: null,
      userUs: 1500,
      systemUs: 500,
      maxRssKb: 7000,
      leftovers: 2,
      overMemory: false,
    });
  });

  it('parses a death by signal and unknown figures', () => {
    expect(parseLauncherReport('ARK1 started=1 exit=-1 signal=9 utime_us=10 stime_us=0 maxrss_kb=-1 leftovers=0 memory=1')).toMatchObject({
      exitCode: null,
      signal: 9,
      maxRssKb: null,
      overMemory: true,
    });
  });

  it('parses a start failure', () => {
    expect(parseLauncherReport('ARK1 started=0 error=cannot run /x: No such file or directory')).toEqual({ started: false, error: 'cannot run /x: No such file or directory' });
  });

  it('rejects anything else', () => {
    expect(parseLauncherReport('')).toBeNull();
    expect(parseLauncherReport('ARK1 started=1 exit=0 signal=0 utime_us=1; rm -rf / stime_us=0 maxrss_kb=1 leftovers=0')).toBeNull();
    expect(parseLauncherReport('garbage')).toBeNull();
  });

  it('keeps the script free of template interpolation', () => {
    expect(launcherScript).not.toContain('${');
    expect(launcherScript).toContain("kill('KILL', -1)");
  });
});

describe('end mark hold-back', () => {
  const mark = '\x1b_ark-end-abc\x1b\\';
  it('holds back only a possible start of the mark', () => {
    expect(heldBack('name? ', mark)).toBe(0);
    expect(heldBack('text\x1b', mark)).toBe(1);
    expect(heldBack('text\x1b_ark-e', mark)).toBe(7);
    expect(heldBack('', mark)).toBe(0);
    // The mark's start far from the end is not held back; near the end it is, whatever came before.
    expect(heldBack('\x1b[31mred\x1b[0m' + 'x'.repeat(100), mark)).toBe(0);
    expect(heldBack('x'.repeat(100) + '\x1b_ark-end-', mark)).toBe(10);
  });
});
