Require Import Reals Lra Lia.
Open Scope R_scope.

Section Optimizers.
Variable T : Type.
Definition is_argmax (f : T -> R) (t : T) := forall s, f s <= f t.
Definition is_argmin (f : T -> R) (t : T) := forall s, f t <= f s.

Lemma argmax_ln (f : T -> R) (pos : forall s, 0 < f s) t :
  is_argmax f t <-> is_argmax (fun s => ln (f s)) t.
Proof.
  unfold is_argmax; split; intros H s.
  - destruct (Rle_lt_or_eq_dec _ _ (H s)) as [Hlt|Heq].
    + left. apply ln_increasing; auto.
    + rewrite Heq. right. reflexivity.
  - destruct (Rle_lt_or_eq_dec _ _ (H s)) as [Hlt|Heq].
    + left. apply ln_lt_inv; auto.
    + right. apply ln_inv; auto.
Qed.

Lemma argmax_neg (f : T -> R) t : is_argmax f t <-> is_argmin (fun s => - f s) t.
Proof. unfold is_argmax, is_argmin; split; intros H s; specialize (H s); lra. Qed.

Lemma argmin_scale (f : T -> R) (c : R) (hc : 0 < c) t :
  is_argmin f t <-> is_argmin (fun s => c * f s) t.
Proof.
  unfold is_argmin; split; intros H s; specialize (H s).
  - apply Rmult_le_compat_l; lra.
  - apply Rmult_le_reg_l with c; auto.
Qed.

Lemma argmin_ext (f g : T -> R) (h : forall s, f s = g s) t : is_argmin f t <-> is_argmin g t.
Proof. unfold is_argmin; split; intros H s; pose proof (H s) as Hs; rewrite ?(h s), ?(h t) in *; auto. Qed.
End Optimizers.

Lemma prod_pos (f : nat -> R) (h : forall i, 0 < f i) m : 0 < prod_f_R0 f m.
Proof. induction m; simpl; auto. apply Rmult_lt_0_compat; auto. Qed.

Lemma ln_prod (f : nat -> R) (h : forall i, 0 < f i) m :
  ln (prod_f_R0 f m) = sum_f_R0 (fun i => ln (f i)) m.
Proof.
  induction m; simpl; auto.
  rewrite ln_mult; auto. rewrite IHm; auto. apply prod_pos; auto.
Qed.

Lemma ln_Rpower x e : 0 < x -> ln (Rpower x e) = e * ln x.
Proof. intros; unfold Rpower; rewrite ln_exp; reflexivity. Qed.

Lemma Rpower_pos x e : 0 < Rpower x e.
Proof. unfold Rpower; apply exp_pos. Qed.
