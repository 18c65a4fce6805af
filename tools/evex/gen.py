import collections, sys, re
cells = {}
for line in open('probe.txt'):
    f = line.split()
    mode, mp, op, pp, w, ll, mod, reg = int(f[0]), int(f[1]), int(f[2],16), int(f[3]), int(f[4]), int(f[5]), int(f[6]), int(f[7])
    mn, vm, bs, zv, ln, vl, mm = f[8], int(f[9]), f[10], int(f[11]), int(f[12]), int(f[13]), int(f[14])
    ops = [tuple(x.split(':')) for x in f[15:]]
    ops = [(e, c, int(s)) for e, c, s in ops]
    cells[(mode, mp, op, pp, w, ll, mod, reg)] = dict(mn=mn, vm=vm, bs=bs, zv=zv, ln=ln, vl=vl, ops=ops, ll=ll, mod=mod)

warnings = []
FIX = {8: 'b', 16: 'w', 32: 'd', 64: 'q', 128: 'dq', 256: 'qq', 512: 'oq'}
VEC = ('xmm', 'ymm', 'zmm')

def rel_names(size, ll, clamp=False):
    v = 128 << ll
    out = []
    for name, div in (('x', 1), ('h', 2), ('qt', 4), ('e', 8)):
        if size * div == v or (clamp and size == 128 and v // div < 128):
            out.append(name)
    return out

def op_kind(o):
    """(slot, class) where class in vec/k/gpr/mem/vsib/imm"""
    e, c, s = o
    if c in VEC: k = 'vec'
    elif c == 'k': k = 'k'
    elif c in ('mem', 'vsib', 'imm'): k = c
    else: k = 'gpr'
    return (e, k)

def cell_attrs(c):
    vm = c['vm']
    pol = 'A' if (vm & 3) and (vm & 12) else ('N' if vm & 3 else 'Q')
    a = dict(pol=pol, z=c['zv'])
    if c['mod'] == 0:
        a['bm'] = 2 if c['bs'] == 'h' else int(c['bs'])
    else:
        s = set(c['bs'])
        if len(s) != 1: warnings.append('mixed b %s %s' % (c['mn'], c['bs']))
        a['br'] = c['bs'][0]
    return a

def choose_types(group):
    """group: list of cells (same pattern) over L. Returns list of type names per operand, or None."""
    n = len(group[0]['ops'])
    types = []
    for i in range(n):
        e, k = op_kind(group[0]['ops'][i])
        if k == 'imm':
            types.append('b'); continue
        sizes = [(g['ops'][i][2], g['ll']) for g in group]
        if k in ('vec', 'mem', 'vsib') and not (k == 'vsib'):
            cand = None
            for name in ('x', 'h', 'qt', 'e'):
                if all(name in rel_names(s, l, k == 'vec') for s, l in sizes):
                    cand = name; break
            fixed = set(s for s, l in sizes)
            if len(fixed) == 1:
                cand2 = FIX.get(fixed.pop())
            else:
                cand2 = None
            # prefer fixed for scalar-like forms (Zydis vector length constant)
            if (len(set(g['vl'] for g in group)) == 1 and len(group) > 1 or len(group) == 1) and cand2:
                types.append(cand2); continue
            if cand: types.append(cand); continue
            if cand2: types.append(cand2); continue
            return None
        if k == 'vsib':
            # VSIB index vector size; operand size is the element size*count; use index reg size via vl
            cand = None
            for name in ('x', 'h', 'qt', 'e'):
                if all(name in rel_names(s, l, True) for s, l in sizes):
                    cand = name; break
            fixed = set(s for s, l in sizes)
            if cand: types.append(cand); continue
            if len(fixed) == 1: types.append(FIX.get(fixed.pop(), 'u')); continue
            return None
        fixed = set(s for s, l in sizes)
        if len(fixed) != 1: return None
        types.append(FIX[fixed.pop()])
    return types

AMS = {('reg', 'vec'): 'V', ('reg', 'k'): 'KG', ('reg', 'gpr'): 'G',
       ('vvvv', 'vec'): 'H', ('vvvv', 'k'): 'KH', ('vvvv', 'gpr'): 'B',
       ('ib', 'imm'): 'I', ('rm', 'vsib'): 'MVSIB'}

def half_form(cellsL, mod):
    """cellsL: list of cells over valid L with same mnemonic/pattern. returns dict form or None"""
    types = choose_types(cellsL)
    if types is None:
        return None
    ops = []
    for (e, c, s), t in zip(cellsL[0]['ops'], types):
        k = op_kind((e, c, s))[1]
        if e == 'rm':
            if k == 'mem': am = 'M'
            elif k == 'vsib': am = 'MVSIB'
            elif k == 'vec': am = 'U'
            elif k == 'k': am = 'KR'
            else: am = 'R'
            ops.append((am, t, k))
        else:
            am = AMS.get((e, k))
            if am is None:
                warnings.append('unknown operand %s %s %s' % (cellsL[0]['mn'], e, k)); return None
            ops.append((am, t, k))
    attrs = [cell_attrs(c) for c in cellsL]
    a0 = attrs[0]
    for a in attrs[1:]:
        if a != a0: warnings.append('attr differ over L %s %s %s' % (cellsL[0]['mn'], a0, a))
    return dict(mn=cellsL[0]['mn'], ops=ops, a=a0, Ls=[c['ll'] for c in cellsL], vls=set(c['vl'] for c in cellsL))

def pattern(c):
    return (c['mn'], tuple(op_kind(o) for o in c['ops']))

def leaf_for(mode, mp, op, pp, w, reg, mod):
    """returns dict ll -> half form (or None)"""
    byL = {}
    for ll in range(3):
        c = cells.get((mode, mp, op, pp, w, ll, mod, reg))
        if c: byL[ll] = c
    if not byL: return {}
    groups = collections.OrderedDict()
    for ll, c in byL.items():
        groups.setdefault(pattern(c), []).append(c)
    out = {}
    for pat, g in groups.items():
        hf = half_form(g, mod)
        if hf is None:
            # split by L individually
            for c in g:
                hf1 = half_form([c], mod)
                out[c['ll']] = hf1
        else:
            for c in g: out[c['ll']] = hf
    return out

def vec_bits_class(t, ll):
    sz = {'x': 128 << ll, 'h': 64 << ll, 'qt': 32 << ll, 'e': 16 << ll}.get(t)
    if sz is None:
        sz = {v: k for k, v in FIX.items()}[t]
    return 'zmm' if sz > 256 else 'ymm' if sz > 128 else 'xmm'

def merge(m, r, ll):
    """m: mem half form, r: reg half form. returns merged form dict or None"""
    if m is None or r is None or m['mn'] != r['mn'] or len(m['ops']) != len(r['ops']):
        return None
    ops = []
    for (am1, t1, k1), (am2, t2, k2) in zip(m['ops'], r['ops']):
        if am1 == 'M' and am2 == 'U':
            if vec_bits_class(t1, ll) != vec_bits_class(t2, ll): return None
            ops.append(('W', t1)); continue
        if am1 == 'M' and am2 == 'R':
            if t1 != t2: return None
            ops.append(('E', t1)); continue
        if am1 == 'M' and am2 == 'KR':
            if t1 != t2: return None
            ops.append(('KE', t1)); continue
        if (am1, t1) != (am2, t2): return None
        ops.append((am1, t1))
    am, ar = m['a'], r['a']
    if am['pol'] != ar['pol']: return None
    z = ar['z']
    if am['z'] != ar['z']:
        if not (am['z'] == 0 and ar['z'] == 1 and ops[0][0] in ('W', 'E')):
            return None
    return dict(mn=m['mn'], ops=ops, pol=am['pol'], z=z, bm=am['bm'], br=ar['br'])

def single(h):
    ops = [(am, t) for am, t, k in h['ops']]
    a = h['a']
    return dict(mn=h['mn'], ops=ops, pol=a['pol'], z=a['z'], bm=a.get('bm', 0), br=a.get('br', '0'))

def fkey(f):
    return (f['mn'], tuple(f['ops']), f['pol'], f['z'], f['bm'], f['br'], tuple(sorted(f.get('extra', ()))))

UD = ('UD',)
def node(kind, children):
    if all(ch == children[0] for ch in children):
        return children[0]
    return (kind, tuple(children))

def with_flag(f, flag):
    if f == UD: return UD
    if f[0] != 'F':
        return (f[0], tuple(with_flag(c, flag) for c in f[1]))
    d = dict(f[1]); d['extra'] = tuple(sorted(set(d.get('extra', ())) | {flag}))
    return ('F', tuple(sorted(d.items())))

def F(f):
    f = dict(f); f["ops"] = tuple(f["ops"])
    return ('F', tuple(sorted(f.items())))

def build_tree(mode, mp, op):
    pps = []
    for pp in range(4):
        ws = []
        for w in range(2):
            regs = []
            for reg in range(8):
                mem = leaf_for(mode, mp, op, pp, w, reg, 0)
                rg = leaf_for(mode, mp, op, pp, w, reg, 1)
                Ls = []
                for ll in range(3):
                    m, r = mem.get(ll), rg.get(ll)
                    if m is None and r is None: Ls.append(UD); continue
                    mg = merge(m, r, ll) if (m and r) else None
                    if mg: Ls.append(F(mg)); continue
                    Ls.append(node('MOD', [F(single(m)) if m else UD, F(single(r)) if r else UD]))
                # L simplification
                if Ls[0] != UD and Ls[1] == UD and Ls[2] == UD:
                    ln = with_flag(Ls[0], 'L0')
                elif Ls[1] != UD and Ls[0] == UD and Ls[2] == UD:
                    ln = with_flag(Ls[1], 'L1')
                else:
                    ln = node('VEXL', Ls)
                    if ln[0] == 'F':
                        # same form at all L: scalar (LIG) if Zydis vl constant
                        pass
                regs.append(ln)
            ws.append(node('REG', regs))
        # W simplification
        if ws[0] != UD and ws[1] == UD:
            wn = with_flag(ws[0], 'W0')
        elif ws[1] != UD and ws[0] == UD:
            wn = with_flag(ws[1], 'W1')
        else:
            wn = node('W', ws)
        pps.append(wn)
    return node('PREFIX', pps)

trees = {}
for mp in (1, 2, 3, 5, 6):
    for op in range(256):
        t32 = build_tree(32, mp, op)
        t64 = build_tree(64, mp, op)
        if t32 == t64: t = t64
        else: t = ('MODE64', (t32, t64))
        if t != UD: trees[(mp, op)] = t

# Forms that differ only by W0/W1 between the 64-bit tree and the 32-bit tree
# (GPR operand sizes: W ignored outside 64-bit mode) become one form with WIG32.
def allforms(t, acc):
    if t == UD: return
    if t[0] == 'F': acc.add(t); return
    for ch in t[1]: allforms(ch, acc)
fs = set(); fs32 = set(); fs64 = set()
for t in trees.values():
    allforms(t, fs)
    if t != UD and t[0] == 'MODE64':
        allforms(t[1][0], fs32); allforms(t[1][1], fs64)
    else:
        allforms(t, fs32); allforms(t, fs64)
sub = {}
for t in fs:
    d = dict(t[1]); ex = set(d.get('extra', ()))
    for wf in ('W0', 'W1'):
        if wf in ex:
            d2 = dict(d); d2['extra'] = tuple(sorted(ex - {wf}))
            if not d2['extra']: del d2['extra']
            t2 = ('F', tuple(sorted(d2.items())))
            if t2 not in fs: continue
            if t in fs32 and t2 in fs64 and t2 not in fs32:
                sub[t2] = t   # 64-bit BY_W routes only W0/W1 here anyway
            elif t2 in fs32 and t in fs64 and t not in fs32:
                d3 = dict(d); d3['extra'] = tuple(sorted(ex | {'WIG32'}))
                t3 = ('F', tuple(sorted(d3.items())))
                sub[t] = t3; sub[t2] = t3
            else:
                print('WARN cannot merge', d['mn'], file=sys.stderr)
def apply(t):
    if t == UD: return t
    if t[0] == 'F': return sub.get(t, t)
    return (t[0], tuple(apply(c) for c in t[1]))
trees = {k: apply(v) for k, v in trees.items()}
# LIG: forms with fixed types whose L-node collapsed; detect from scalar mnemonics? keep simple
# collect forms
forms = collections.OrderedDict()
def collect(t):
    if t == UD: return
    if t[0] == 'F':
        forms.setdefault(t[1], None); return
    for ch in t[1]: collect(ch)
for t in trees.values(): collect(t)

def typename(am, t):
    return am + t
def flags(f):
    return flags2(f)
names = {}
byname = collections.defaultdict(list)
for fk in forms:
    f = dict(fk)
    nm = 'EVEX_' + f['mn'].upper() + ''.join('_' + am + t for am, t in f['ops'])
    byname[nm].append(fk)
for nm, lst in byname.items():
    if len(lst) == 1:
        names[lst[0]] = nm
    else:
        # disambiguate with distinguishing extras
        for i, fk in enumerate(lst):
            f = dict(fk)
            ex = f.get('extra', ())
            sfx = ''.join('_' + e for e in ex if e in ('W0', 'W1'))
            names[fk] = nm + (sfx if sfx else '') 
        vals = [names[fk] for fk in lst]
        if len(set(vals)) != len(vals):
            for i, fk in enumerate(lst): names[fk] = nm + ('_W1' if dict(fk)['br'] != '1' else '')

def flags2(f):
    fl = list(f.get('extra', ()))
    if f['bm']: fl.append('EVEX_B')
    if f['br'] == 'R': fl.append('EVEX_ER')
    elif f['br'] == 'S': fl.append('EVEX_SAE')
    elif f['br'] == '1': fl.append('EVEX_BIGN')
    if f['z']: fl.append('EVEX_Z')
    if f['pol'] == 'N': fl.append('EVEX_NOMASK')
    if f['pol'] == 'Q': fl.append('EVEX_MASKREQ')
    if re.match(r'vfc?(madd|mul)c[ps]h$', f['mn']): fl.append('EVEX_NODSTSRC')
    return ' | '.join(fl) if fl else '0'

with open(sys.argv[1], 'w') as out:
    out.write(open('forms_head.txt').read())
    for fk in sorted(forms, key=lambda k: names[k]):
        f = dict(fk)
        out.write('FORM(%s, %s, %s%s)\n' % (names[fk], f['mn'], flags(f), ''.join(', %s,%s' % (am, t) for am, t in f['ops'])))

# map
subs = []
cnt = [0]
MAPNAME = {1: '0F', 2: '0F38', 3: '0F3A', 5: 'map5', 6: 'map6'}
LABELS = {'PREFIX': ['np', '66', 'F3', 'F2'], 'W': ['W0', 'W1'], 'REG': ['/%d' % i for i in range(8)],
          'VEXL': ['L128', 'L256', 'L512'], 'MOD': ['mem', 'reg'], 'MODE64': ['32-bit', '64-bit']}
BYNAME = {'PREFIX': 'EVEX.pp', 'W': 'EVEX.W', 'REG': 'ModRM.reg', 'VEXL': "EVEX.L'L", 'MOD': 'ModRM.mod', 'MODE64': 'mode'}
def emit(t, path, desc):
    if t == UD: return 'UD_'
    if t[0] == 'F': return 'F_(%s)' % names[t[1]]
    kind, ch = t
    nm = 'ev_' + path
    items = [emit(c, path + '_' + str(i), desc + [LABELS[kind][i]]) for i, c in enumerate(ch)]
    subs.append('/* %s: by %s */\nstatic const struct x86_node %s[%d] = { %s };' % (' '.join(desc), BYNAME[kind], nm, len(ch), ', '.join(items)))
    return 'BY_%s(%s)' % (kind, nm)
rows = []
for (mp, op), t in sorted(trees.items()):
    mns = sorted(set(dict(fk)['mn'] for fk in forms if False))
    mset = []
    def mcollect(t):
        if t == UD: return
        if t[0] == 'F':
            m = dict(t[1])['mn']
            if m not in mset: mset.append(m)
            return
        for ch in t[1]: mcollect(ch)
    mcollect(t)
    rows.append('\t[%d][0x%02X] = %s, /* %s */' % (mp, op, emit(t, '%d_%02X' % (mp, op), ['EVEX.' + MAPNAME[mp], '%02X' % op]), ' '.join(mset)))
with open(sys.argv[2], 'w') as out:
    out.write(open('map_head.txt').read())
    for s in subs: out.write(s + '\n')
    out.write('\nconst struct x86_node x86_map_evex[8][256] = {\n')
    for r in rows: out.write(r + '\n')
    out.write('};\n')
    # EVEX.pp columns with any instruction, per map: Zydis (and so we) find
    # EVEX.0F38 with no prefix and EVEX.0F3A with F2 invalid before the opcode.
    masks = [0] * 8
    def ppmask(t):
        if t == UD: return 0
        if t[0] == 'F': return 15
        if t[0] == 'PREFIX': return sum(1 << i for i, c in enumerate(t[1]) if c != UD)
        m = 0
        for c in t[1]: m |= ppmask(c)
        return m
    for (mp, op), t in trees.items(): masks[mp] |= ppmask(t)
    out.write('\n/* EVEX.pp columns (bit 0 none, 1 66, 2 F3, 3 F2) that hold any form, by\n * EVEX.mmm: an empty column is #UD before the opcode byte is read. */\n')
    out.write('const uint8_t x86_evex_pp_used[8] = { %s };\n' % ', '.join('0x%X' % m for m in masks))
for w in sorted(set(warnings)): print('WARN', w, file=sys.stderr)
print(len(forms), 'forms', len(trees), 'opcodes', file=sys.stderr)
