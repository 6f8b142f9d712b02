;;; check.el --- what test/emacs/emacs.test.mjs asks Emacs, after the README's init.el  -*- lexical-binding: t -*-
;; Run as: emacs --batch -q -l init.el -l check.el FILE (from a folder that is a project: eglot wants one).
;; Opens FILE as a user does, lets the README's `eglot-ensure' hook connect (it waits for the end of a
;; command, which batch mode never reaches: run `post-command-hook' once, as the command loop would),
;; waits for flymake's diagnostics, asks xref for the definition at the reference (env REFERENCE: the
;; text up to and including the number), and lists imenu's index. Prints one JSON line per answer
;; ("mode …", "diagnostics …", "definition …", "imenu …") on standard output; exits 1 when no server
;; connected, so that a broken configuration fails. With env MODE_ONLY, only the major mode.
(require 'json)
(require 'imenu)
(require 'xref)

(defun kv-check--print (tag value)
  (princ (format "%s %s\n" tag (json-encode value))))

(defun kv-check--wait (predicate seconds)
  "Wait until PREDICATE holds or SECONDS pass, letting processes and timers run."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (funcall predicate)))

(defun kv-check--imenu-names (index)
  "The names of INDEX, nested menus flattened."
  (apply #'append
         (mapcar (lambda (entry)
                   (if (imenu--subalist-p entry)
                       (cons (car entry) (kv-check--imenu-names (cdr entry)))
                     (list (car entry))))
                 index)))

(let ((file (car command-line-args-left)))
  (setq command-line-args-left nil)
  (find-file file)
  (kv-check--print "mode" (list (cons 'major (symbol-name major-mode))))
  (when (getenv "MODE_ONLY") (kill-emacs 0))
  ;; The end of the command that opened the file: where `eglot-ensure' connects.
  (run-hooks 'post-command-hook)
  (unless (and (fboundp 'eglot-current-server)
               (kv-check--wait (lambda () (eglot-current-server)) 10))
    (kv-check--print "error" "no eglot server for the buffer")
    (kill-emacs 1))
  (kv-check--wait (lambda () (flymake-diagnostics)) 15)
  (kv-check--print "diagnostics"
                   (vconcat (mapcar (lambda (d)
                                      (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                                            (cons 'type (symbol-name (flymake-diagnostic-type d)))
                                            (cons 'text (flymake-diagnostic-text d))))
                                    (flymake-diagnostics))))
  (goto-char (point-min))
  (search-forward (getenv "REFERENCE"))
  (backward-char 1)
  (let* ((line (line-number-at-pos))
         (xs (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot))))
    (kv-check--print "definition"
                     (list (cons 'from line)
                           (cons 'lines (vconcat (mapcar (lambda (x) (xref-location-line (xref-item-location x))) xs))))))
  (kv-check--print "imenu" (vconcat (kv-check--imenu-names (funcall imenu-create-index-function))))
  (kill-emacs 0))
