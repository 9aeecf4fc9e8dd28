import * as fs from 'fs';
import * as path from 'path';
import { COGNITO_DIR } from '../well-known-paths';

/** A message AWS would have sent by email or SMS, kept so a developer can read the code it carries. */
export interface SentMessage {
  userPoolId: string;
  username: string;
  /** SignUp, ResendCode, ForgotPassword, AdminCreateUser, UpdateUserAttribute. */
  kind: string;
  medium: 'EMAIL' | 'SMS';
  destination: string;
  /** The confirmation or reset code, or an invitation's temporary password. */
  code: string;
  subject?: string;
  message: string;
  time: string;
}

const MESSAGES_FILE = 'messages.jsonl';

/**
 * `<dataDir>/cognito/messages.jsonl`, one message a line, owner-only (codes are secrets). A file rather than a table:
 * `amplify local-cloud messages` reads it while the server holds the database.
 */
export function messagesFile(dataDir: string): string {
  return path.join(dataDir, COGNITO_DIR, MESSAGES_FILE);
}

export function recordMessage(dataDir: string, message: SentMessage): void {
  const file = messagesFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.appendFileSync(file, `${JSON.stringify(message)}\n`, { mode: 0o600 });
}

/** The messages recorded, oldest first; a line torn by a crash mid-write is skipped. */
export function readMessages(dataDir: string): SentMessage[] {
  let text: string;
  try {
    text = fs.readFileSync(messagesFile(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const messages: SentMessage[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      messages.push(JSON.parse(line) as SentMessage);
    } catch {
      // A torn last line: the message was not fully recorded.
    }
  }
  return messages;
}
