#!/usr/bin/env python3
"""Fails when Rust source files import each other in a cycle.

Builds the file-level graph of `use` trees and `crate::`/`super::`/child
paths under the folder given (default: src), and lists every strongly
connected set of files. A parent's `mod child;` declaration is not an import;
a parent that calls into its child while the child imports the parent is.
"""
import re, os, sys
root=sys.argv[1] if len(sys.argv)>1 else 'src'
mods={}
for d,_,fs in os.walk(root):
    for f in fs:
        if not f.endswith('.rs'): continue
        p=os.path.join(d,f); rel=os.path.relpath(p,root)[:-3].split('/')
        if rel==['main']: continue
        if rel[-1] in ('mod','lib'): rel=rel[:-1]
        mods[tuple(rel)]=p
def resolve(path):
    for n in range(len(path),-1,-1):
        if tuple(path[:n]) in mods: return tuple(path[:n])
    return ()
def split_top(s):
    parts=[];depth=0;cur=''
    for ch in s:
        if ch=='{': depth+=1
        if ch=='}': depth-=1
        if ch==',' and depth==0: parts.append(cur); cur=''
        else: cur+=ch
    if cur.strip(): parts.append(cur)
    return [p.strip() for p in parts if p.strip()]
def expand(tree, prefix):
    # returns list of segment lists
    tree=tree.strip()
    m=re.match(r'^(.*?)::\{(.*)\}$', tree, re.S)
    if m:
        pre=[x for x in m.group(1).split('::') if x]
        out=[]
        for sub in split_top(m.group(2)): out+=expand(sub, prefix+pre)
        return out
    if tree.startswith('{') and tree.endswith('}'):
        out=[]
        for sub in split_top(tree[1:-1]): out+=expand(sub, prefix)
        return out
    tree=re.sub(r'\s+as\s+\w+$','',tree)
    return [prefix+[x for x in tree.split('::') if x]]
def absolute(segs, m, children):
    if not segs: return None
    if segs[0]=='crate': return segs[1:]
    if segs[0] in ('super','self'):
        base=list(m)
        while segs and segs[0] in ('super','self'):
            if segs[0]=='super': base=base[:-1]
            segs=segs[1:]
        return base+segs
    if segs[0] in children: return list(m)+segs
    return None
edges={m:set() for m in mods}
for m,p in mods.items():
    src=open(p).read()
    src=re.sub(r'//[^\n]*','',src)
    i=src.find('#[cfg(test)]\nmod tests {')
    if i>=0: src=src[:i]
    children={k[-1] for k in mods if len(k)==len(m)+1 and k[:len(m)]==m}
    paths=[]
    for um in re.finditer(r'\buse\s+([^;]+);', src):
        paths+=expand(um.group(1).replace('\n',' '), [])
    body=re.sub(r'\buse\s+[^;]+;','',src)
    for mm in re.finditer(r'\b((?:crate|super|self|[a-z_][a-z0-9_]*)(?:::[A-Za-z_][A-Za-z0-9_]*)+)', body):
        paths.append(mm.group(1).split('::'))
    for segs in paths:
        a=absolute(segs, m, children)
        if a is None: continue
        t=resolve(a)
        if t and t!=m:
            # a path into one's own descendant is not a back-edge; parent's mod decl handled
            edges[m].add(t)
idx={};low={};st=[];on=set();sccs=[];c=[0]
sys.setrecursionlimit(10000)
def dfs(v):
    idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
    for w in edges[v]:
        if w not in idx: dfs(w); low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        comp=[]
        while True:
            w=st.pop();on.discard(w);comp.append(w)
            if w==v: break
        if len(comp)>1: sccs.append(comp)
for v in mods:
    if v not in idx: dfs(v)
for comp in sccs:
    print('CYCLE:', ' '.join('::'.join(x) or 'crate' for x in comp))
    for a in comp:
        for b in sorted(edges[a]):
            if b in comp: print('   ', '::'.join(a) or 'crate','->','::'.join(b) or 'crate')
print(f'import cycles between files: {len(sccs)}')
sys.exit(1 if sccs else 0)
