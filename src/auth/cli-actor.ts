import { userInfo } from 'node:os';

/** Who acts on the command line: the name given with `--actor`, else the operating-system account. */
export function cliActor(option: string | undefined): string {
  if (option) return option;
  try {
    return `os:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}
