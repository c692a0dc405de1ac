// npm run generate:api — rewrites client/api/schema.d.ts from the routes; run it after changing a route's schema.
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { CLIENT_SCHEMA_FILE, generateClientTypes } from './client-types.js';

const text = await generateClientTypes();
await mkdir(dirname(CLIENT_SCHEMA_FILE), { recursive: true });
await writeFile(CLIENT_SCHEMA_FILE, text);
console.log(`${relative(process.cwd(), CLIENT_SCHEMA_FILE)} geschreven (${text.length} tekens)`);
