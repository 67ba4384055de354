// Drops of many organizations for the end-to-end tests (issue 26), written into
// tests/artifacts/orgs/: three organizations as a folder and as one .zip, and a hostile
// archive (a bomb, an encrypted member, a name that climbs out, a Shift_JIS name, an archive
// nested too deep) beside good members. The archives are written here, byte by byte, so a
// test can make what no tool would (an encrypted flag without a password, a raw CP932 name).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { root } from './helpers.mjs';

export const TODAY = '2026-12-06';
export const dir = join(root, 'tests/artifacts/orgs');
const samples = join(root, 'tests/fixtures/audit');

/** The three organizations: the script's CSV, the admin center's download, Graph JSON. */
export const THREE = [
  ['contoso/admin-script.csv', join(samples, 'admin-script.csv')],
  ['fabrikam/exportUserRegistrationDetails.csv', join(samples, 'samples/portal_exportUserRegistrationDetails_2026-9-23.csv')],
  ['litware/registration.json', join(samples, 'samples/graph_userRegistrationDetails_beta.json')],
  ['litware/phones.json', join(samples, 'samples/graph_phoneMethods_by_user.json')],
].map(([path, from]) => ({ path, bytes: readFileSync(from) }));

/**
 * A zip of `members`: { name (a string, or raw bytes), bytes, deflate?, flags?, declared? }.
 * `flags` is OR-ed into the general-purpose flags (bit 0: encrypted); a string name sets
 * bit 11 (UTF-8), raw bytes do not.
 */
export function zip(members) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const m of members) {
    const name = typeof m.name === 'string' ? Buffer.from(m.name, 'utf8') : Buffer.from(m.name);
    const data = m.deflate ? deflateRawSync(m.bytes) : Buffer.from(m.bytes);
    const flags = (typeof m.name === 'string' ? 1 << 11 : 0) | (m.flags ?? 0);
    const fields = (h, sig) => {
      h.writeUInt32LE(sig, 0);
      return h;
    };
    const lh = fields(Buffer.alloc(30), 0x04034b50);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(m.deflate ? 8 : 0, 8);
    lh.writeUInt32LE(0x00210000, 10);
    lh.writeUInt32LE(crc32(m.bytes) >>> 0, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(m.declared ?? m.bytes.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = fields(Buffer.alloc(46), 0x02014b50);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(m.deflate ? 8 : 0, 10);
    ch.writeUInt32LE(0x00210000, 12);
    ch.writeUInt32LE(crc32(m.bytes) >>> 0, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(m.declared ?? m.bytes.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    local.push(lh, name, data);
    central.push(ch, name);
    offset += lh.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

/** 管理者.csv in Shift_JIS (CP932), as Japanese Windows names a member. */
const SJIS_NAME = Buffer.concat([Buffer.from('beta/'), Buffer.from([0x8a, 0xc7, 0x97, 0x9d, 0x8e, 0xd2]), Buffer.from('.csv')]);

/** Writes the drops; returns their paths. */
export function writeDrops() {
  rmSync(dir, { recursive: true, force: true });
  const folder = join(dir, 'drop');
  for (const m of THREE) {
    mkdirSync(join(folder, m.path, '..'), { recursive: true });
    writeFileSync(join(folder, m.path), m.bytes);
  }
  const archive = join(dir, 'drop.zip');
  writeFileSync(archive, zip(THREE.map((m) => ({ name: `drop/${m.path}`, bytes: m.bytes, deflate: true }))));
  const csv = readFileSync(join(samples, 'admin-script.csv'));
  const json = THREE[2].bytes;
  const deep = zip([{ name: 'deeper.zip', bytes: zip([{ name: 'x.csv', bytes: csv }]) }]);
  const hostile = join(dir, 'hostile.zip');
  writeFileSync(hostile, zip([
    { name: 'alpha/admins.csv', bytes: csv, deflate: true },
    // 8 MB of one byte: some 8 kB deflated, a ratio no export has.
    { name: 'alpha/bomb.csv', bytes: Buffer.alloc(8 << 20, 0x61), deflate: true },
    { name: 'alpha/secret.csv', bytes: csv, flags: 1 },
    { name: '../evil.csv', bytes: csv },
    { name: 'alpha/inner.zip', bytes: deep },
    { name: 'beta/registration.json', bytes: json, deflate: true },
    { name: SJIS_NAME, bytes: csv, deflate: true },
  ]));
  return { folder, archive, hostile };
}

/** The command line's output for `args` (audit-orgs ... --today TODAY). */
export function cli(args) {
  const r = spawnSync(join(root, 'target/release/sspr-doctor'), [...args, '--today', TODAY], { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`sspr-doctor ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
