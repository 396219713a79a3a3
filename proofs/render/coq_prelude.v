Require Import Reals Lra Lia.
Open Scope R_scope.

Section Optimizers.
Variable T : Type.
Definition is_argmax (f : T -> R) (t : T) := forall s, f s <= f t.
Definition is_argmin (f : T -> R) (t : T) := forall s, f t <= f s.

(* transfer of maximizers through a map g strictly increasing on a set P holding every value of f *)
Lemma argmax_strict_mono (g : R -> R) (P : R -> Prop) (f : T -> R) (inP : forall s, P (f s))
  (mono : forall x y, P x -> P y -> x < y -> g x < g y) t :
  is_argmax f t <-> is_argmax (fun s => g (f s)) t.
Proof.
  unfold is_argmax; split; intros H s.
  - destruct (Rle_lt_or_eq_dec _ _ (H s)) as [Hlt|Heq].
    + left. apply mono; auto.
    + rewrite Heq. right. reflexivity.
  - destruct (Rle_or_lt (f s) (f t)) as [Hle|Hgt]; auto.
    exfalso. specialize (H s). specialize (mono _ _ (inP t) (inP s) Hgt). lra.
Qed.

Lemma argmax_ln (f : T -> R) (pos : forall s, 0 < f s) t :
  is_argmax f t <-> is_argmax (fun s => ln (f s)) t.
Proof. apply (argmax_strict_mono ln (fun x => 0 < x)); auto. intros; apply ln_increasing; auto. Qed.

Lemma argmax_neg (f : T -> R) t : is_argmax f t <-> is_argmin (fun s => - f s) t.
Proof. unfold is_argmax, is_argmin; split; intros H s; specialize (H s); lra. Qed.

Lemma argmin_scale (f : T -> R) (c : R) (hc : 0 < c) t :
  is_argmin f t <-> is_argmin (fun s => c * f s) t.
Proof.
  unfold is_argmin; split; intros H s; specialize (H s).
  - apply Rmult_le_compat_l; lra.
  - apply Rmult_le_reg_l with c; auto.
Qed.

Lemma argmin_shift (f : T -> R) (d : R) t : is_argmin f t <-> is_argmin (fun s => f s + d) t.
Proof. unfold is_argmin; split; intros H s; specialize (H s); lra. Qed.

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

Lemma sum_split (f g : nat -> R) m :
  sum_f_R0 (fun i => f i + g i) m = sum_f_R0 f m + sum_f_R0 g m.
Proof. apply sum_plus. Qed.

Lemma sum_factor (f : nat -> R) c m : sum_f_R0 (fun i => c * f i) m = c * sum_f_R0 f m.
Proof. rewrite scal_sum. apply sum_eq; intros; ring. Qed.

Lemma ln_Rpower x e : 0 < x -> ln (Rpower x e) = e * ln x.
Proof. intros; unfold Rpower; rewrite ln_exp; reflexivity. Qed.

Lemma Rpower_pos x e : 0 < Rpower x e.
Proof. unfold Rpower; apply exp_pos. Qed.
