// Minimal typings for the part of `fs-native-extensions` we use: advisory locks on an open file descriptor
// (open-file-description locks on Linux, flock on macOS), which the kernel drops when the descriptor is closed.
declare module 'fs-native-extensions' {
  /** Takes an exclusive lock (or a shared one) without waiting; false when another descriptor holds it. */
  export function tryLock(fd: number, offset?: number, length?: number, opts?: { shared?: boolean }): boolean;
  export function unlock(fd: number, offset?: number, length?: number): void;
}
