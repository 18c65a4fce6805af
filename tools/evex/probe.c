#include "zyprobe.h"
static const char *opstr(ZydisDecodedOperand *o, char *s){
	const char *enc = o->encoding==ZYDIS_OPERAND_ENCODING_MODRM_REG?"reg":o->encoding==ZYDIS_OPERAND_ENCODING_MODRM_RM?"rm":o->encoding==ZYDIS_OPERAND_ENCODING_NDSNDD?"vvvv":o->encoding==ZYDIS_OPERAND_ENCODING_UIMM8||o->encoding==ZYDIS_OPERAND_ENCODING_SIMM8?"ib":o->encoding==ZYDIS_OPERAND_ENCODING_IS4?"is4":o->encoding==ZYDIS_OPERAND_ENCODING_MASK?"aaa":"other";
	if (o->type==ZYDIS_OPERAND_TYPE_REGISTER) {
		const char *r=ZydisRegisterGetString(o->reg.value);
		char cls[8]; int i=0; while(r[i]&&!(r[i]>='0'&&r[i]<='9')&&i<7){cls[i]=r[i];i++;} cls[i]=0;
		sprintf(s,"%s:%s:%d",enc,cls,o->size);
	}
	else if (o->type==ZYDIS_OPERAND_TYPE_MEMORY && o->mem.type==ZYDIS_MEMOP_TYPE_VSIB) sprintf(s,"%s:vsib:%d",enc,ZydisRegisterGetWidth(ZYDIS_MACHINE_MODE_LONG_64,o->mem.index));
	else if (o->type==ZYDIS_OPERAND_TYPE_MEMORY) sprintf(s,"%s:mem:%d",enc,o->size);
	else if (o->type==ZYDIS_OPERAND_TYPE_IMMEDIATE) sprintf(s,"%s:imm:%d",enc,o->size);
	else sprintf(s,"other:?:0");
	return s;
}
static int try(int mode, struct ev e, int op, uint8_t tails[][8], int nt, ZydisDecodedInstruction *in, ZydisDecodedOperand *ops){
	for(int t=0;t<nt;t++){ uint8_t buf[20]; int n=build(buf,e,op,tails[t],8); int l=zdec(mode,buf,n,in,ops); if(l>0) return l; }
	return -1;
}
int main(void){
	zinit();
	int maps[]={1,2,3,5,6};
	for(int mode=32;mode<=64;mode+=32)
	for (int mi=0;mi<5;mi++) for(int op=0;op<256;op++) for(int pp=0;pp<4;pp++) for(int w=0;w<2;w++) for(int ll=0;ll<3;ll++) for(int mod=0;mod<2;mod++) for(int reg=0;reg<8;reg++){
		uint8_t tails[3][8]; int nt;
		memset(tails,0,sizeof tails);
		if (mod){ tails[0][0]=0xC0|reg<<3|1; tails[1][0]=0xC0|reg<<3|5; nt=2; }
		else { tails[0][0]=reg<<3|1; tails[1][0]=reg<<3|4; tails[1][1]=reg==6?0x39:0x31; nt=2; }
		ZydisDecodedInstruction in; ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
		ZydisDecodedInstruction keep; ZydisDecodedOperand kops[ZYDIS_MAX_OPERAND_COUNT];
		int vm=0, got=0, len=0;
		for (int aaa=0;aaa<2;aaa++) for (int vu=0;vu<2;vu++){
			struct ev e={maps[mi],pp,w,vu?2:0,0,ll,0,0,aaa,0,0,0,0};
			int l=try(mode,e,op,tails,nt,&in,ops);
			if (l>0){ vm|=1<<(aaa*2+vu); if(!got){keep=in; memcpy(kops,ops,sizeof ops); got=1; len=l;} }
		}
		if (!vm) continue;
		int vu=(vm&0xA)?1:0, aaa=(vm&0xC)?1:0;
		struct ev e={maps[mi],pp,w,vu?2:0,0,ll,0,1,1,0,0,0,0};
		int zv = aaa && try(mode,e,op,tails,nt,&in,ops)>0;
		e.z=0; e.aaa=aaa; e.b=1;
		/* b: for mem one probe; for reg, LL = 0..3 */
		char bs[16]=""; 
		if (!mod) { int bv=try(mode,e,op,tails,nt,&in,ops)>0; int esz=0; if (bv) for(int i=0;i<in.operand_count;i++) if(ops[i].type==ZYDIS_OPERAND_TYPE_MEMORY) esz=ops[i].size; if (bv && esz==16) sprintf(bs,"h"); else sprintf(bs,"%d",bv); }
		else {
			for(int l2=0;l2<4;l2++){ e.ll=l2; int ok=try(mode,e,op,tails,nt,&in,ops)>0; char c='0'; if(ok){ c = in.avx.rounding.mode? 'R' : in.avx.has_sae? 'S':'1'; } size_t k=strlen(bs); bs[k]=c; bs[k+1]=0; }
		}
		char s[64], buf[512]="";
		for (int i=0;i<keep.operand_count;i++){ if(kops[i].visibility!=ZYDIS_OPERAND_VISIBILITY_EXPLICIT) continue; if(kops[i].encoding==ZYDIS_OPERAND_ENCODING_MASK) continue; strcat(buf," "); strcat(buf,opstr(&kops[i],s)); }
		printf("%d %d %02X %d %d %d %d %d %s %d %s %d %d %d %d%s\n",mode,maps[mi],op,pp,w,ll,mod,reg,ZydisMnemonicGetString(keep.mnemonic),vm,bs,zv,len,keep.avx.vector_length, (int)keep.avx.mask.mode, buf);
	}
	return 0;
}
