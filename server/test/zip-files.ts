import { zipSync } from 'fflate';

/** A zip whose one entry is `megabytes` of zeros: some kB on disk, a lot in memory (tests of the zip guard). */
export function zipBomb(megabytes: number, name = 'xl/worksheets/sheet1.xml'): Uint8Array {
  return zipSync({ [name]: new Uint8Array(megabytes * 1024 * 1024) }, { level: 9 });
}
