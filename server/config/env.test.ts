import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.js';

describe('environment validation', () => {
  it('fills defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.REGIEKAMER_DATA_DIR).toBe('./data');
    expect(env.REGIEKAMER_DEMO).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset and parses flags', () => {
    const env = parseEnv({ DATABASE_URL: '', REGIEKAMER_DEMO: '0', PORT: '8080' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REGIEKAMER_DEMO).toBe(false);
    expect(env.PORT).toBe(8080);
  });

  it('names every bad variable in one Dutch message', () => {
    expect(() => parseEnv({ PORT: 'drieduizend', DATABASE_URL: 'mysql://x', REGIEKAMER_DEMO: 'misschien' })).toThrow(EnvError);
    try {
      parseEnv({ PORT: 'drieduizend', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('Ongeldige configuratie');
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL: moet beginnen met postgres://');
    }
  });

  it('demands PUBLIC_URL in production, so e-mailed links never follow a Host header', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL: is verplicht in productie/);
    expect(parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://regiekamer.westhoek.be' }).PUBLIC_URL).toBe('https://regiekamer.westhoek.be');
  });
});
