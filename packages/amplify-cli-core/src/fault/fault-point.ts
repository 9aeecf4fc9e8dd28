/**
 * Fault injection for the crash tests (`scripts/fault-injection/run.js`, `push-faults.e2e.test.ts`): when
 * `AMPLIFY_FAULT_POINT` names the point a push has reached, the process is killed there with SIGKILL (no cleanup
 * code runs, as after a power cut or `kill -9`); with `AMPLIFY_FAULT_KILL_PID` set, that process is killed
 * instead (the local cloud server, for failures on the cloud's side) and the push carries on into the outage.
 * Unset, a call costs one environment lookup.
 */
export function faultPoint(name: string): void {
  if (process.env.AMPLIFY_FAULT_POINT !== name) return;
  const target = process.env.AMPLIFY_FAULT_KILL_PID;
  if (target !== undefined) {
    process.kill(Number(target), 'SIGKILL');
    return;
  }
  process.kill(process.pid, 'SIGKILL');
  // The signal is delivered asynchronously on some platforms: nothing after the point may run meanwhile.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
}
