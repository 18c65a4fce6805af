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

# ---- EVEX compressed displacement (disp8*N): tuple types ---------------
# SDM vol. 2, 2.7.5, Tables 2-34 and 2-35: a disp8 of an EVEX memory operand
# is scaled by N, which depends on the instruction's tuple type, the vector
# length, the element size and EVEX.b. The tuple type of each form is
# derived below from the form itself (memory operand type, EVEX.b with
# memory, W, mnemonic) by the SDM's definitions, and every memory cell is
# checked against the N that Zydis reads (disp8.txt, from probe_disp8.c).
TUPLES = ['NONE', 'FV', 'HV', 'QV', 'FVM', 'HVM', 'QVM', 'OVM', 'T1S', 'T1F', 'T2', 'T4', 'T8',
          'M128', 'DUP', 'T1_4X']
SIZE = {'b': 1, 'w': 2, 'd': 4, 'q': 8, 'dq': 16, 'qq': 32, 'oq': 64}
MEM_AMS = ('W', 'M', 'E', 'MVSIB', 'KE')

def form_cells(t, fixed, acc, mp, op):
    """Memory cells (mode, pp, w, ll, reg) that reach each form leaf."""
    if t == UD: return
    if t[0] == 'F':
        acc.setdefault(t[1], set()).update(expand_cells(fixed, mp, op)); return
    kind, ch = t
    key = {'PREFIX': 'pp', 'W': 'w', 'REG': 'reg', 'VEXL': 'll', 'MOD': 'mod', 'MODE64': 'mode'}[kind]
    for i, c in enumerate(ch):
        f2 = dict(fixed); f2[key] = (32, 64)[i] if kind == 'MODE64' else i
        form_cells(c, f2, acc, mp, op)

def expand_cells(fixed, mp, op):
    if fixed.get('mod', 0) != 0: return []
    out = []
    for mode in ([fixed['mode']] if 'mode' in fixed else [32, 64]):
        for pp in ([fixed['pp']] if 'pp' in fixed else range(4)):
            for w in ([fixed['w']] if 'w' in fixed else range(2)):
                for ll in ([fixed['ll']] if 'll' in fixed else range(3)):
                    for reg in ([fixed['reg']] if 'reg' in fixed else range(8)):
                        k = (mode, mp, op, pp, w, ll, reg)
                        if k in disp8: out.append(k)
    return out

def tuple_of(f, cl):
    """(tuple, element bytes) by the SDM's tuple definitions."""
    mops = [(am, t) for am, t in f['ops'] if am in MEM_AMS]
    if not mops or not cl: return ('NONE', 0)
    am, t = mops[0]
    mn = f['mn']
    ws = set(k[4] for k in cl)
    ex = f.get('extra', ())
    wfix = 1 if 'W1' in ex else 0 if 'W0' in ex else (ws.pop() if len(ws) == 1 else None)
    welem = None if wfix is None else (8 if wfix else 4)
    lls = set(k[5] for k in cl)
    if am == 'MVSIB':                       # gathers, scatters: Tuple1 Scalar
        return ('T1S', welem or 0)
    m = re.match(r'v(p?)(compress|expand)(b|w|d|q|ps|pd)$', mn)
    if m:                                   # element by element: Tuple1 Scalar
        return ('T1S', {'b': 1, 'w': 2}.get(m.group(3), welem or 0))
    if mn == 'vmovddup':                    # MOVDDUP: 64 bits at 128, else full
        return ('DUP', 8)
    belem = 2 if f['bm'] == 2 else (welem or 0)
    if t in ('x', 'h', 'qt', 'e'):
        if f['bm']:
            return ({'x': 'FV', 'h': 'HV', 'qt': 'QV'}[t], belem)
        return ({'x': 'FVM', 'h': 'HVM', 'qt': 'QVM', 'e': 'OVM'}[t], 0)
    S = SIZE[t]
    if len(lls) == 1:
        vl = 16 << lls.pop()
        if f['bm']:                         # a full/half vector at its one length
            return ({vl: 'FV', vl // 2: 'HV', vl // 4: 'QV'}[S], belem)
    else:
        vl = None
    if re.match(r'v4f|vp4dpw', mn):         # 4 x 128 bits: Tuple1_4X
        return ('T1_4X', 16)
    if re.match(r'vps(ll|rl|ra)[wdq]$', mn) and S == 16:
        return ('M128', 16)                 # shift count in xmm/m128
    m = re.search(r'(32|64)x([248])$', mn)
    if m:                                   # VBROADCASTF32X4, VINSERTI64X2...
        e = int(m.group(1)) // 8
        return ('T' + m.group(2), e)
    if S >= 16 and vl is not None:          # one vector length only
        return ({vl: 'FVM', vl // 2: 'HVM', vl // 4: 'QVM', vl // 8: 'OVM'}[S], 0)
    if S <= 2 or S == welem or welem is None:
        return ('T1S', S)
    return ('T1F', S)

def expected_n(tp, es, ll, w, b):
    vl = 16 << ll
    e = es or (8 if w else 4)
    return {'NONE': 1, 'FV': e if b else vl, 'HV': e if b else vl // 2, 'QV': e if b else vl // 4,
            'FVM': vl, 'HVM': vl // 2, 'QVM': vl // 4, 'OVM': vl // 8, 'T1S': e, 'T1F': e,
            'T2': 2 * e, 'T4': 4 * e, 'T8': 8 * e, 'M128': 16, 'DUP': 8 if ll == 0 else vl,
            'T1_4X': 16}[tp]

disp8 = {}
for line in open('disp8.txt'):
    f = line.split()
    disp8[(int(f[0]), int(f[1]), int(f[2], 16), int(f[3]), int(f[4]), int(f[5]), int(f[6]))] = \
        (int(f[7]), int(f[8]), int(f[9]))
fcells = {}
for (mp, op), t in trees.items():
    form_cells(t, {}, fcells, mp, op)
tuples = {}
bad = collections.Counter()
for fk in forms:
    f = dict(fk)
    cl = sorted(fcells.get(fk, ()))
    tp, es = tuple_of(f, cl)
    tuples[fk] = (tp, es)
    for k in cl:
        n0, nb, bbits = disp8[k]
        w, ll = k[4], k[5]
        if n0 != expected_n(tp, es, ll, w, 0):
            bad[(names[fk], tp, 'N', n0, expected_n(tp, es, ll, w, 0))] += 1
        if f['bm'] and nb and nb != expected_n(tp, es, ll, w, 1):
            bad[(names[fk], tp, 'Nb', nb, expected_n(tp, es, ll, w, 1))] += 1
        if f['bm'] and nb and bbits != 8 * (es or (8 if w else 4)):
            bad[(names[fk], tp, 'bcst bits', bbits, 8 * (es or (8 if w else 4)))] += 1
for k, n in sorted(bad.items()):
    print('WARN disp8 %s %s: %s Zydis %s, SDM rule %s (%d cells)' % (k + (n,)), file=sys.stderr)
with open(sys.argv[3], 'w') as out:
    out.write(open('tuples_head.txt').read())
    out.write('const struct x86_evex_tuple_info x86_evex_tuples[X86_FORM_COUNT] = {\n')
    for fk in sorted(forms, key=lambda k: names[k]):
        tp, es = tuples[fk]
        if tp != 'NONE':
            out.write('\t[X86_FORM_%s] = { X86_TUPLE_%s, %d },\n' % (names[fk], tp, es))
    out.write('};\n')
print(collections.Counter(tp for tp, es in tuples.values()), file=sys.stderr)
